# cmake "-DEXAMPLE=command args…" "-DCLI=normdoc args…" -DDIR=scratch -P CompareWithCli.cmake:
# runs a binding's example and the CLI (arguments separated by spaces, none holding one) and fails
# unless both exit with the same code and print the same bytes on standard output (SPEC §14).
separate_arguments(_example UNIX_COMMAND "${EXAMPLE}")
separate_arguments(_cli UNIX_COMMAND "${CLI}")
file(MAKE_DIRECTORY "${DIR}")
execute_process(COMMAND ${_example} OUTPUT_FILE "${DIR}/example.out" ERROR_FILE "${DIR}/example.err" RESULT_VARIABLE _example_rc)
execute_process(COMMAND ${_cli} OUTPUT_FILE "${DIR}/cli.out" ERROR_FILE "${DIR}/cli.err" RESULT_VARIABLE _cli_rc)
if(NOT _example_rc STREQUAL _cli_rc)
  file(READ "${DIR}/example.err" _err)
  message(FATAL_ERROR "exit code ${_example_rc}, the CLI's ${_cli_rc}: ${EXAMPLE}\n${_err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${DIR}/example.out" "${DIR}/cli.out" RESULT_VARIABLE _differ)
if(_differ)
  message(FATAL_ERROR "standard output differs from the CLI's (${DIR}/example.out, ${DIR}/cli.out): ${EXAMPLE}")
endif()
file(SIZE "${DIR}/cli.out" _size)
message(STATUS "same ${_size} bytes and exit code ${_cli_rc} as the CLI: ${EXAMPLE}")
