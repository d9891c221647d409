export * from './people';
export * from './backlog';
export * from './events';
