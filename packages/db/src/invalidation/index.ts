export * from './protocol';
export * from './listeners';
