complete --keep-order --exclusive --command oktakeys --arguments "(COMPLETE=fish oktakeys -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
