export * from './identity';
export * from './companies';
export * from './firms';
export * from './delegations';
export * from './audit';
export * from './inbox';
export * from './licences';
export * from './batches';
