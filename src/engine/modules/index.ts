import type { SimModule } from '../sim';
import { deployModule } from './deploy';
import { endpointsModule } from './endpoints';
import { inferenceModule } from './inference';
import { jobsModule } from './jobs';
import { mlopsModule } from './mlops';
import { modelsModule } from './models';
import { dataModule } from './data';
import { monitoringModule } from './monitoring';
import { networkModule } from './network';
import { securityModule } from './security';
import { servicesModule } from './services';
import { automlModule } from './automl';
import { streamingModule } from './streaming';
import { costModule } from './cost';

/**
 * Every behaviour module, in the order they start and check. Adding an area is adding a line here;
 * the core never changes for it.
 */
export const MODULES: readonly SimModule[] = [
  // network and security register gates in start(): keep them before any module that asks gates at t=0
  networkModule,
  securityModule,
  mlopsModule, // registers the registry's 'deploy' gate, asked by endpoints at t=0
  endpointsModule,
  inferenceModule,
  jobsModule,
  monitoringModule,
  modelsModule,
  dataModule,
  deployModule,
  servicesModule,
  automlModule,
  streamingModule,
  costModule, // last: its finish reads what every module billed
];
