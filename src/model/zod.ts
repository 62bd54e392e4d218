import { z } from 'zod';

// zod probes `new Function('')` and compiles fast validators with it unless told not to; the page's CSP forbids
// eval (a logged violation on every load, in the page and in workers). Jitless validation gives the same results.
// zod reads the setting when a schema is defined: every module that defines schemas imports `z` from here.
z.config({ jitless: true });

export { z };
