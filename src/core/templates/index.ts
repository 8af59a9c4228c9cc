export * from './rule.js';
export * from './placeholders.js';
export * from './template-schema.js';
export * from './send-schema.js';
export * from './validate-definition.js';
export * from './validate-send.js';
export * from './validate-documents.js';
export * from './rule-catalogue.js';
export type { FolderEntry, FolderViolation } from './rules/folder-rules.js';
