# cmake -DCLI=… -DCLI_ARGS=a|b|… -DEXAMPLE=prog|arg|… -DWORK=DIR -P CompareWithCli.cmake
#
# A binding's example against the CLI (SPEC §14): runs `CLI CLI_ARGS…` and `EXAMPLE…`, and fails
# unless both exit with the same code and print the same bytes on standard output. Arguments are
# separated by '|' (a ';' does not survive add_test). When the CLI fails, standard output must be
# empty for both and the example must say something on standard error. Run by CTest (bindings).
cmake_minimum_required(VERSION 3.16)

foreach(v CLI CLI_ARGS EXAMPLE WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "CompareWithCli.cmake: -D${v}=… is required")
  endif()
endforeach()
string(REPLACE "|" ";" cli_args "${CLI_ARGS}")
string(REPLACE "|" ";" example "${EXAMPLE}")
file(MAKE_DIRECTORY "${WORK}")

execute_process(COMMAND "${CLI}" ${cli_args}
  OUTPUT_FILE "${WORK}/cli.out" ERROR_FILE "${WORK}/cli.err" RESULT_VARIABLE cli_code)
execute_process(COMMAND ${example}
  OUTPUT_FILE "${WORK}/example.out" ERROR_FILE "${WORK}/example.err" RESULT_VARIABLE example_code)

file(READ "${WORK}/example.err" example_err)
if(NOT cli_code STREQUAL example_code)
  file(READ "${WORK}/cli.err" cli_err)
  message(FATAL_ERROR "exit codes differ: CLI ${cli_code}, example ${example_code}\n"
                      "CLI stderr:\n${cli_err}\nexample stderr:\n${example_err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/cli.out" "${WORK}/example.out" RESULT_VARIABLE differ)
if(differ)
  execute_process(COMMAND diff "${WORK}/cli.out" "${WORK}/example.out" OUTPUT_VARIABLE d ERROR_QUIET)
  string(SUBSTRING "${d}" 0 4000 d)
  message(FATAL_ERROR "standard output differs from the CLI's (${WORK}/cli.out, ${WORK}/example.out):\n${d}")
endif()
if(NOT cli_code STREQUAL "0" AND example_err STREQUAL "")
  message(FATAL_ERROR "exit ${example_code} without a word on standard error")
endif()
file(SIZE "${WORK}/cli.out" size)
message(STATUS "same exit code (${cli_code}) and the same ${size} bytes as the CLI")
