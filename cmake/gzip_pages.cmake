# Gzips every *.1 page in DIR with `gzip -9n` (no name or time stamp, so the
# same page gives the same bytes), replacing it by *.1.gz.
file(GLOB pages ${DIR}/*.1)
foreach(page ${pages})
  execute_process(COMMAND gzip -9nf ${page} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip -9n failed on ${page}")
  endif()
endforeach()
