export * from './bijlage';
export * from './import-fout';
export * from './lees-document';
