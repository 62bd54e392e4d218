import { defineAction } from './types';

const bare = (e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }) => !(e.ctrlKey || e.metaKey || e.altKey);
const done = { ok: true as const, result: undefined };

export const playPause = defineAction({
  name: 'playPause',
  label: 'Play or pause the run',
  keys: 'P',
  keyTest: (e) => bare(e) && e.key === 'p',
  perform: (ws) => {
    ws.run.toggle();
    return done;
  },
  selection: 'keep',
});

export const step = defineAction({
  name: 'step',
  label: 'Step: process the next event of the run and stop',
  keys: '.',
  keyTest: (e) => bare(e) && e.key === '.',
  perform: (ws) => {
    ws.run.step();
    return done;
  },
  selection: 'keep',
});
