/** Small numeric helpers shared by the core, the report and the modules (anything in the engine may use them). */

export { round } from '../model/num';
