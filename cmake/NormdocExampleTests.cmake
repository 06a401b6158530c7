# normdoc_example_tests(LANG RUN): CTest tests that run a binding's three examples (SPEC §14) and
# compare them with the CLI, byte for byte and exit code for exit code (cmake/CompareWithCli.cmake).
# RUN is the command that runs an example, a list in which @NAME@ stands for Status, Cleanup or
# Impact (@name@ for status, cleanup or impact). Corpora: the bundled example, hand-made edge cases (tests/data/bindings/edge.xml: CSV
# quoting, non-ASCII ids, trials, drafts, a repealed basis) and a generated one; bad input: a
# missing file, a bad date, an unknown scope or document, a malformed and an invalid corpus.
include_guard(GLOBAL)

# normdoc_binding_env(OUT): the environment a JVM or mono needs to load this build's
# libnormdoc_c.so, as VAR=value items. A UTF-8 locale always (arguments and file names are
# decoded by it). In a build with AddressSanitizer (the dev preset) the library needs the ASan
# runtime first in the process: preloaded, with libstdc++ (ASan's __cxa_throw interceptor must
# find the real one), and the runtimes' own SIGSEGV handling off (the JVM uses SIGSEGV itself);
# leak checking off (the JVM's and mono's own allocations at exit are not ours: the C ABI's
# leaks are checked by tests/capi_test.cpp under LeakSanitizer).
function(normdoc_binding_env out)
  set(env "LC_ALL=C.UTF-8")
  if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                    OUTPUT_VARIABLE asan OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.so.6
                    OUTPUT_VARIABLE stdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
    list(APPEND env "LD_PRELOAD=${asan} ${stdcxx}"
         "ASAN_OPTIONS=detect_leaks=0:handle_segv=0:handle_sigbus=0:handle_sigfpe=0:allow_user_segv_handler=1")
  endif()
  set(${out} "${env}" PARENT_SCOPE)
endfunction()

# Whether the bindings' tests can run in this build: not under ThreadSanitizer (a JVM or mono
# loading a TSan library reports the runtimes' own synchronisation as races).
function(normdoc_bindings_testable out)
  if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*thread")
    message(STATUS "normdoc: ThreadSanitizer build: the Java and C# tests are not registered")
    set(${out} FALSE PARENT_SCOPE)
  else()
    set(${out} TRUE PARENT_SCOPE)
  endif()
endfunction()

function(normdoc_example_tests lang run)
  normdoc_binding_env(env)
  # The example runs through `cmake -E env`, so that only it (not cmake -P) gets the environment.
  set(run ${CMAKE_COMMAND} -E env ${env} ${run})
  # The generated corpus: written once per language, before any test that reads it
  # (FIXTURES_REQUIRED), never by two tests.
  set(gen ${CMAKE_CURRENT_BINARY_DIR}/generated-3000.xml)
  add_test(NAME ${lang}.example.generate
    COMMAND $<TARGET_FILE:normdoc_cli> generate --documents 3000 --seed 3 -o ${gen})
  set_tests_properties(${lang}.example.generate PROPERTIES FIXTURES_SETUP normdoc_${lang}_corpus LABELS "bindings;${lang}")
  set(ex ${PROJECT_SOURCE_DIR}/examples/jiangyin.xml)
  set(edge ${PROJECT_SOURCE_DIR}/tests/data/bindings/edge.xml)
  set(bad ${PROJECT_SOURCE_DIR}/tests/data/bindings)
  # name | example | example arguments | CLI arguments (after the command)
  set(cases
    "status.jiangyin|Status|${ex}|2018-11-30|@|${ex}|--as-of|2018-11-30"
    "status.jiangyin-2024|Status|${ex}|2024-01-01|@|${ex}|--as-of|2024-01-01"
    "status.edge|Status|${edge}|2020-06-30|@|${edge}|--as-of|2020-06-30"
    "status.generated|Status|${gen}|2021-06-30|@|${gen}|--as-of|2021-06-30"
    "cleanup.jiangyin|Cleanup|${ex}|2018-11-30|@|${ex}|--as-of|2018-11-30"
    "cleanup.jiangyin-scope|Cleanup|${ex}|2018-11-30|jy-kjj|@|${ex}|--as-of|2018-11-30|--scope|jy-kjj"
    "cleanup.edge|Cleanup|${edge}|2020-06-30|@|${edge}|--as-of|2020-06-30"
    "cleanup.edge-2024|Cleanup|${edge}|2024-01-01|@|${edge}|--as-of|2024-01-01"
    "cleanup.edge-scope|Cleanup|${edge}|2020-06-30|dept|@|${edge}|--as-of|2020-06-30|--scope|dept"
    "cleanup.generated|Cleanup|${gen}|2021-06-30|@|${gen}|--as-of|2021-06-30"
    "cleanup.generated-scope|Cleanup|${gen}|2021-06-30|p01-gov|@|${gen}|--as-of|2021-06-30|--scope|p01-gov"
    "impact.jiangyin|Impact|${ex}|prc-law-2007-82|2018-11-30|@|${ex}|prc-law-2007-82|--as-of|2018-11-30"
    "impact.edge|Impact|${edge}|law|2020-06-30|@|${edge}|law|--as-of|2020-06-30"
    "impact.generated|Impact|${gen}|cn-sw-1991-1|2021-06-30|@|${gen}|cn-sw-1991-1|--as-of|2021-06-30"
    # bad input: the CLI's exit codes (SPEC §10)
    "status.missing-file|Status|${bad}/no-such.xml|2018-11-30|@|${bad}/no-such.xml|--as-of|2018-11-30"
    "status.bad-date|Status|${ex}|2018-02-30|@|${ex}|--as-of|2018-02-30"
    "status.bad-date-form|Status|${ex}|2018-1-30|@|${ex}|--as-of|2018-1-30"
    "status.bad-date-and-missing-file|Status|${bad}/no-such.xml|1899-12-31|@|${bad}/no-such.xml|--as-of|1899-12-31"
    "status.malformed|Status|${bad}/malformed.xml|2018-11-30|@|${bad}/malformed.xml|--as-of|2018-11-30"
    "status.invalid|Status|${bad}/invalid.xml|2018-11-30|@|${bad}/invalid.xml|--as-of|2018-11-30"
    "cleanup.unknown-scope|Cleanup|${ex}|2018-11-30|no-such-authority|@|${ex}|--as-of|2018-11-30|--scope|no-such-authority"
    "cleanup.invalid|Cleanup|${bad}/invalid.xml|2018-11-30|@|${bad}/invalid.xml|--as-of|2018-11-30"
    "cleanup.missing-file|Cleanup|${bad}/no-such.xml|2018-11-30|@|${bad}/no-such.xml|--as-of|2018-11-30"
    "impact.unknown-id|Impact|${ex}|no-such-document|2018-11-30|@|${ex}|no-such-document|--as-of|2018-11-30"
    "impact.bad-date|Impact|${ex}|prc-law-2007-82|2018-13-01|@|${ex}|prc-law-2007-82|--as-of|2018-13-01"
    "impact.malformed|Impact|${bad}/malformed.xml|law|2018-11-30|@|${bad}/malformed.xml|law|--as-of|2018-11-30"
  )
  foreach(c IN LISTS cases)
    string(REPLACE "|" ";" parts "${c}")
    list(POP_FRONT parts name example)
    list(FIND parts "@" at)
    list(SUBLIST parts 0 ${at} example_args)
    math(EXPR after "${at} + 1")
    list(SUBLIST parts ${after} -1 cli_args)
    string(TOLOWER "${example}" command)
    string(REPLACE "@NAME@" "${example}" example_run "${run}")
    string(REPLACE "@name@" "${command}" example_run "${example_run}")
    list(APPEND example_run ${example_args})
    string(REPLACE ";" "|" example_run "${example_run}")
    string(REPLACE ";" "|" cli_run "${command};${cli_args};--format;csv")
    add_test(NAME ${lang}.example.${name}
      COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:normdoc_cli> "-DCLI_ARGS=${cli_run}" "-DEXAMPLE=${example_run}"
              -DWORK=${CMAKE_CURRENT_BINARY_DIR}/compare/${name} -P ${PROJECT_SOURCE_DIR}/cmake/CompareWithCli.cmake)
    set_tests_properties(${lang}.example.${name} PROPERTIES TIMEOUT 120 LABELS "bindings;${lang}")
    if(name MATCHES "generated")
      set_tests_properties(${lang}.example.${name} PROPERTIES FIXTURES_REQUIRED normdoc_${lang}_corpus)
    endif()
  endforeach()

  # scripts/example, as tests outside the project call it (on this build: nothing to build).
  set(script ${PROJECT_SOURCE_DIR}/scripts/example)
  string(REPLACE ";" "|" env_bar "${env}")
  set(script_cases
    "status|${ex}|2018-11-30@${ex}|--as-of|2018-11-30"
    "cleanup|${edge}|2020-06-30|dept@${edge}|--as-of|2020-06-30|--scope|dept"
    "impact|${edge}|law|2020-06-30@${edge}|law|--as-of|2020-06-30"
    "status|${bad}/no-such.xml|2018-11-30@${bad}/no-such.xml|--as-of|2018-11-30")
  set(i 0)
  foreach(c IN LISTS script_cases)
    string(REPLACE "@" ";" halves "${c}")
    list(GET halves 0 example_args)
    list(GET halves 1 cli_args)
    string(REGEX MATCH "^[a-z]+" command "${example_args}")
    add_test(NAME ${lang}.script.${command}.${i}
      COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:normdoc_cli> "-DCLI_ARGS=${command}|${cli_args}|--format|csv"
              "-DEXAMPLE=${CMAKE_COMMAND}|-E|env|${env_bar}|${script}|${lang}|${example_args}"
              -DWORK=${CMAKE_CURRENT_BINARY_DIR}/compare/script-${i} -P ${PROJECT_SOURCE_DIR}/cmake/CompareWithCli.cmake)
    set_tests_properties(${lang}.script.${command}.${i} PROPERTIES TIMEOUT 120 LABELS "bindings;${lang}"
                         ENVIRONMENT "NORMDOC_BUILD_DIR=${PROJECT_BINARY_DIR}")
    math(EXPR i "${i} + 1")
  endforeach()
endfunction()
