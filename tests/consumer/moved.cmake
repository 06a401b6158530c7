# The installed package moved to another directory (-DPREFIX → -DMOVED) still builds a consumer,
# with find_package(normdoc CONFIG) and with pkg-config: neither holds the install prefix.
file(REMOVE_RECURSE "${MOVED}" "${BUILD}")
file(COPY "${PREFIX}/" DESTINATION "${MOVED}")
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BUILD}/cmake" -DCMAKE_PREFIX_PATH=${MOVED}
                        -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX} "-DCMAKE_CXX_FLAGS=${CXXFLAGS}"
                        "-DCMAKE_EXE_LINKER_FLAGS=${LDFLAGS}" RESULT_VARIABLE r OUTPUT_QUIET)
if(r)
  message(FATAL_ERROR "configuring against the moved package failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BUILD}/cmake" RESULT_VARIABLE r OUTPUT_QUIET)
if(r)
  message(FATAL_ERROR "building against the moved package failed")
endif()
execute_process(COMMAND "${BUILD}/cmake/consumer" OUTPUT_VARIABLE out RESULT_VARIABLE r)
message("cmake: ${out}")
if(r)
  message(FATAL_ERROR "the consumer built with CMake failed")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} -E env "PKG_CONFIG_PATH=${MOVED}/${LIBDIR}/pkgconfig" pkg-config --cflags --libs --static normdoc
                OUTPUT_VARIABLE flags RESULT_VARIABLE r
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(r)
  message(FATAL_ERROR "pkg-config found no normdoc in the moved package")
endif()
string(FIND "${flags}" "${PREFIX}" stale)
if(NOT stale EQUAL -1)
  message(FATAL_ERROR "pkg-config still names the old prefix: ${flags}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(cxxflags UNIX_COMMAND "${CXXFLAGS} ${LDFLAGS}")
file(MAKE_DIRECTORY "${BUILD}/pkg-config")
execute_process(COMMAND ${CXX} ${cxxflags} "${SOURCE}/main.cpp" -o "${BUILD}/pkg-config/consumer" ${flags} -pthread
                RESULT_VARIABLE r ERROR_VARIABLE err)
if(r)
  message(FATAL_ERROR "building with pkg-config's flags failed: ${err}")
endif()
execute_process(COMMAND "${BUILD}/pkg-config/consumer" OUTPUT_VARIABLE out RESULT_VARIABLE r)
message("pkg-config: ${out}")
if(r)
  message(FATAL_ERROR "the consumer built with pkg-config failed")
endif()
