/**
 * Schema validation of requests. Query strings, path parameters and headers
 * arrive as text, so they are coerced to the schema's types ("42" → 42). A
 * JSON body already has types: it is validated as sent, so `null` stays null
 * and a string never silently becomes a number (coercion would store 0 for a
 * cleared figure).
 */
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS: under Node's ESM loader its function sits on `default`.
const addFormats = (formatsModule as unknown as { default: typeof formatsModule.default }).default;

function createAjv(coerceTypes: false | 'array') {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = createAjv(false);
  const coercing = createAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}
