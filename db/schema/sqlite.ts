export * from './people';
export * from './backlog';
export * from './events';
export * from './meetings';
export * from './notifications';
export * from './live';
export * from './schedule';
export * from './sessions';
