# The manual pages, made by the program itself at build time from the same
# command tree as --help (`mediate help --man`, cli/man_page.hpp), with the
# shared sections of mediate(1) from docs/man/sections.<lang>.txt: English
# pages into man/man1, Chinese ones (MEDIATE_LANG=zh_CN) into
# man/zh_CN/man1; each page gzipped with -9n. Part of the default target.
set(MEDIATE_MAN_DIR ${PROJECT_BINARY_DIR}/man)
set(MEDIATE_MAN_STAMPS)
foreach(lang en zh_CN)
  if(lang STREQUAL "en")
    set(dir ${MEDIATE_MAN_DIR}/man1)
  else()
    set(dir ${MEDIATE_MAN_DIR}/${lang}/man1)
  endif()
  set(sections ${PROJECT_SOURCE_DIR}/docs/man/sections.${lang}.txt)
  set(stamp ${PROJECT_BINARY_DIR}/man-${lang}.stamp)
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${dir}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${CMAKE_COMMAND} -E env MEDIATE_LANG=${lang} $<TARGET_FILE:mediate> help --man
            -o ${dir} --sections ${sections}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -P ${PROJECT_SOURCE_DIR}/cmake/gzip_pages.cmake
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS mediate ${sections} ${PROJECT_SOURCE_DIR}/cmake/gzip_pages.cmake
    COMMENT "Manual pages (${lang})"
    VERBATIM)
  list(APPEND MEDIATE_MAN_STAMPS ${stamp})
endforeach()
add_custom_target(mediate_man ALL DEPENDS ${MEDIATE_MAN_STAMPS})
install(DIRECTORY ${MEDIATE_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}
        FILES_MATCHING PATTERN "*.1.gz")
