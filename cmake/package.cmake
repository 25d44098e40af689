# Where `mediate` installs (GNUInstallDirs, plus the conventional folders it
# lacks) and how CPack makes the Debian package: a plain configure, the
# default build target and `cpack -G DEB` make the whole package
# (scripts/package wraps that). docs/install.md lists what goes where.

set(MEDIATE_MAINTAINER "mediate maintainers <mediate-maintainers@lists.mediate.invalid>"
    CACHE STRING "The Maintainer field of the Debian package: \"Name <email>\"")

# The program and its catalogues are installed by the top-level CMakeLists.txt.
# The Wanbailin set-up and its ledgers, for `mediate init --from` and trials.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mediate/examples)

# /usr/share/doc/mediate: copyright (DEP-5) and the Debian changelog, made at
# build time with the build's version and gzipped reproducibly (gzip -9n).
set(MEDIATE_CHANGELOG_GZ ${PROJECT_BINARY_DIR}/generated/changelog.gz)
add_custom_command(
  OUTPUT ${MEDIATE_CHANGELOG_GZ}
  COMMAND ${CMAKE_COMMAND} -DVERSION_TXT=${VERSION_TXT} -DSRC=${PROJECT_SOURCE_DIR}
          -DCHANGES=${PROJECT_SOURCE_DIR}/packaging/changes.txt
          -DMAINTAINER=${MEDIATE_MAINTAINER} -DOUT=${MEDIATE_CHANGELOG_GZ}
          -P ${PROJECT_SOURCE_DIR}/cmake/changelog.cmake
  DEPENDS ${VERSION_TXT} ${PROJECT_SOURCE_DIR}/packaging/changes.txt
          ${PROJECT_SOURCE_DIR}/cmake/changelog.cmake
  COMMENT "Debian changelog"
  VERBATIM)
add_custom_target(mediate_changelog ALL DEPENDS ${MEDIATE_CHANGELOG_GZ})
add_dependencies(mediate_changelog mediate_version)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${MEDIATE_CHANGELOG_GZ}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The staff guide in Chinese (docs/zh/), beside them.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/zh/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/zh)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME mediate)

# The package. Its version is the build's (read at cpack time from
# VERSION_TXT by cmake/cpack_project.cmake.in), so a package made after a new
# commit carries the version `mediate --version` prints.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mediate)
set(CPACK_PACKAGE_VENDOR "mediate")
set(CPACK_PACKAGE_CONTACT "${MEDIATE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MEDIATE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# git: the store is a git repository (hand merges, `git log`, the server);
# sensible-utils: `mediate edit` falls back to sensible-editor when neither
# VISUAL nor EDITOR is set; watchman makes reads of a large store fast
# (docs/robustness.md).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "git, sensible-utils")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "watchman")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "people's mediation cases of a district, kept in git")
file(READ ${PROJECT_SOURCE_DIR}/packaging/description.txt CPACK_PACKAGE_DESCRIPTION)
configure_file(${PROJECT_SOURCE_DIR}/cmake/cpack_project.cmake.in
               ${PROJECT_BINARY_DIR}/cpack_project.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/cpack_project.cmake)
