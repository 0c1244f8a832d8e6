// The operation methods carry the spec's summary and description as doc comments: what an
// editor shows on hover, read here through the TypeScript checker as the editor would.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { operations, operationSummaries, type OperationDescriptor, type OperationId } from '../../generated/operations.js';

const file = fileURLToPath(new URL('../../src/client/create-client.ts', import.meta.url));

describe('hover docs on operation methods', () => {
  it('every client method has its summary and its endpoint as documentation', () => {
    const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    const alias = source.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'ChinaUmsOperations')!;
    const type = checker.getTypeAtLocation(alias.name);
    const sdk = Object.values(operations as Readonly<Record<string, OperationDescriptor>>).filter((op) => op.sdkMethod);
    expect(sdk.length).toBeGreaterThan(0);
    for (const op of sdk) {
      const member = type.getProperty(op.operationId);
      expect(member, op.operationId).toBeDefined();
      const doc = ts.displayPartsToString(member!.getDocumentationComment(checker));
      expect(doc, op.operationId).toContain(operationSummaries[op.operationId as OperationId]);
      expect(doc, op.operationId).toContain(`${op.method} ${op.path}`);
    }
  }, 120_000);
});
