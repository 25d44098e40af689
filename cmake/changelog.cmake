# Writes the Debian changelog of the package (cmake -P), gzipped with
# `gzip -9n` (no name or time stamp: the same input gives the same bytes):
#   VERSION_TXT  the build's version (cmake/version.cmake)
#   SRC          the source tree; HEAD's commit date dates the entry
#   CHANGES      packaging/changes.txt: the entry's lines
#   MAINTAINER   "Name <email>"
#   OUT          changelog.gz
file(READ ${VERSION_TXT} version)
string(STRIP "${version}" version)
set(date "")
find_program(GIT_EXECUTABLE git)
if(GIT_EXECUTABLE)
  execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SRC} log -1 --format=%cD
                  OUTPUT_VARIABLE date OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
if(date STREQUAL "")
  # Outside git: the time of SOURCE_DATE_EPOCH, or of the build.
  string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC)
endif()
file(STRINGS ${CHANGES} lines ENCODING UTF-8)
set(body "")
foreach(line IN LISTS lines)
  if(line MATCHES "^[ \t]*$")
    continue()
  endif()
  string(APPEND body "  ${line}\n")
endforeach()
get_filename_component(dir ${OUT} DIRECTORY)
set(text ${dir}/changelog)
file(WRITE ${text} "mediate (${version}) unstable; urgency=medium\n\n${body}\n -- ${MAINTAINER}  ${date}\n")
execute_process(COMMAND gzip -9n -c ${text} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip -9n failed on ${text}")
endif()
