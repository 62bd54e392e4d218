#!/bin/sh
# `npm run sim`: start the runner from its V8 start-up snapshot when one was built for this very Node (the blob's
# name carries the version npm reports in npm_config_user_agent), else from the bundle (dist-cli/sim.mjs). The
# arguments, the output and the exit status are the same either way. scripts/build-cli.mjs makes both.
v=${npm_config_user_agent#*node/}
v=${v%% *}
if [ -n "$v" ] && [ -f "dist-cli/runner-$v.blob" ]; then
  exec node --snapshot-blob "dist-cli/runner-$v.blob" -- "$@"
fi
exec node dist-cli/sim.mjs "$@"
