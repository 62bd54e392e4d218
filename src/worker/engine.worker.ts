/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from './protocol';
import { RunSession } from './session';

/** The engine in a Web Worker: the page never blocks while a run goes on. */
const session = new RunSession((m: FromWorker) => self.postMessage(m));
self.onmessage = (e: MessageEvent<ToWorker>) => session.handle(e.data);
