export * from './clock';
export * from './config';
