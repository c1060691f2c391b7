export * from './format.js';
export * from './limits.js';
export * from './merge.js';
export * from './record.js';
export * from './record-check.js';
