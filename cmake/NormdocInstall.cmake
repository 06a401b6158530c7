# cmake --install: headers, the library, the CLI, a CMake package config and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(NORMDOC_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/normdoc" CACHE STRING "Where normdocConfig.cmake goes")

install(TARGETS normdoc EXPORT normdocTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/normdoc DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The C ABI's shared library (include/normdoc/normdoc.h is among the headers): what bindings load.
install(TARGETS normdoc_c_shared LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
if(NORMDOC_BUILD_CLI)
  install(TARGETS normdoc_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT normdocTargets NAMESPACE normdoc:: DESTINATION ${NORMDOC_CMAKE_DIR})
set(NORMDOC_STATIC ${BUILD_SHARED_LIBS})
if(BUILD_SHARED_LIBS)
  set(NORMDOC_STATIC OFF)
else()
  set(NORMDOC_STATIC ON)
endif()
configure_package_config_file(cmake/normdocConfig.cmake.in
  "${PROJECT_BINARY_DIR}/normdocConfig.cmake" INSTALL_DESTINATION ${NORMDOC_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/normdocConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/normdocConfig.cmake" "${PROJECT_BINARY_DIR}/normdocConfigVersion.cmake"
  DESTINATION ${NORMDOC_CMAKE_DIR})

# pkg-config: a static library needs its private dependencies on the link line.
if(BUILD_SHARED_LIBS)
  set(NORMDOC_PC_LIBS_PRIVATE "")
  set(NORMDOC_PC_REQUIRES_PRIVATE "")
else()
  set(NORMDOC_PC_LIBS_PRIVATE "-lboost_date_time -lpugixml")
endif()
# From <prefix>/<libdir>/pkgconfig back up to <prefix>, whatever --prefix the install is given.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  message(FATAL_ERROR "normdoc: CMAKE_INSTALL_LIBDIR must be relative for a relocatable package")
endif()
string(REGEX REPLACE "[^/]+" ".." NORMDOC_PC_UP "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
configure_file(cmake/normdoc.pc.in "${PROJECT_BINARY_DIR}/normdoc.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/normdoc.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
