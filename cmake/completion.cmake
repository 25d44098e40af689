# The shell completion scripts (packaging/completion/): copied by the default
# target into the build tree's share/ as they are installed (so a shell can
# source build/share/bash-completion/completions/mediate), and installed
# where bash-completion and Debian's zsh look for them. Both ask the program
# itself what to offer (`mediate __complete`, cli/completion.hpp).
set(MEDIATE_COMPLETIONS
    "packaging/completion/mediate.bash|${CMAKE_INSTALL_DATADIR}/bash-completion/completions|mediate"
    "packaging/completion/_mediate|${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions|_mediate")
set(MEDIATE_COMPLETION_OUTPUTS)
foreach(entry ${MEDIATE_COMPLETIONS})
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 source)
  list(GET parts 1 dir)
  list(GET parts 2 name)
  set(output ${PROJECT_BINARY_DIR}/${dir}/${name})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/${source} ${output}
    DEPENDS ${PROJECT_SOURCE_DIR}/${source}
    COMMENT "Completion script ${dir}/${name}"
    VERBATIM)
  list(APPEND MEDIATE_COMPLETION_OUTPUTS ${output})
  install(FILES ${PROJECT_SOURCE_DIR}/${source} DESTINATION ${dir} RENAME ${name})
endforeach()
add_custom_target(mediate_completion ALL DEPENDS ${MEDIATE_COMPLETION_OUTPUTS})
