import type { Domain } from '../catalog/types';

/** Exam domains, in order, with their names. */
export const DOMAIN_NAMES: Readonly<Record<Domain, string>> = {
  D1: 'Data preparation',
  D2: 'Model development',
  D3: 'Deployment and orchestration',
  D4: 'Monitoring and security',
};
