// Types of lint-workflows.mjs, for the tests that import it.
export interface Finding { file: string; line: number; message: string }
export interface Source { file: string; text: string; firstLine: number; workflow: boolean }
export interface RunScript { file: string; line: number; script: string; shell: string; block: boolean; range: [number, number, number] }
export interface Parsed { scripts: RunScript[]; findings: Finding[]; lineAt: (offset: number) => number }
export function runScripts(text: string, file: string, firstLine?: number): Parsed;
export function findSplicedExpressions(text: string, file?: string, firstLine?: number): Finding[];
export function yamlBlocks(markdown: string): { text: string; firstLine: number }[];
export function workflowSources(root: string): Source[];
export function lintWorkflows(root: string): Promise<{ findings: Finding[]; files: number; scripts: number; shellcheck: boolean }>;
