/**
 * Errors of the Open311 routes in the spec's own shape, not Nabij's
 * `{ error: … }`: a list of `{ code, description }` (`<errors><error>…` in
 * XML), where `code` is the HTTP status, as in the spec's examples. The
 * description is the catalogue's message in the request's language; an
 * error with per-field details gives one entry per field, named as the
 * Open311 client sent it (`lat`, `attribute[vehicle_type]`).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalogue, type ErrorDetail } from '../../platform/errors/error-catalogue.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { formatOfUrl, sendOpen311 } from './open311-format.ts';
import { open311Language } from './resolve-jurisdiction.ts';

interface AjvError {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Names of Nabij's report fields in an Open311 request. */
const fieldNames: Record<string, string> = {
  category: 'service_code',
  description: 'description',
  personDescription: 'attribute[person_description]',
  'location/lat': 'lat',
  'location/lon': 'long',
  'reporter/name': 'first_name/last_name',
  'reporter/email': 'email',
  'reporter/phone': 'phone',
};

/** An Ajv error path ("/location/lat", "body/answers/x") as the Open311 field it came from. */
export function open311Field(path: string): string {
  const bare = path.replace(/^(body|querystring|params)\/?/, '').replace(/^\//, '');
  const answer = /^answers\/(.+)$/.exec(bare);
  if (answer) return `attribute[${answer[1] ?? ''}]`;
  return fieldNames[bare] ?? bare;
}

export function validationDetails(language: Language, errors: AjvError[], prefix = ''): ErrorDetail[] {
  return errors.map((error) => {
    const missing = error.keyword === 'required' ? String(error.params?.['missingProperty'] ?? '') : '';
    const path = open311Field(`${prefix}${error.instancePath ?? ''}${missing ? `/${missing}` : ''}`);
    const keyword = error.keyword ?? 'invalid';
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(error.params ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
    const message = translate(language, `validation.${keyword}`, params);
    return {
      path,
      code: keyword,
      message: message === `validation.${keyword}` ? translate(language, 'validation.invalid') : message,
    };
  });
}

function toAppError(error: FastifyError | AppError | Error, request: FastifyRequest, language: Language) {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastifyError.validation) {
    return new AppError(
      'validation_failed',
      {},
      validationDetails(language, fastifyError.validation, fastifyError.validationContext ?? ''),
    );
  }
  const code = fastifyError.code;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('invalid_json');
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413) {
    return new AppError('payload_too_large');
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.statusCode === 415) {
    return new AppError('validation_failed', {}, [
      { path: 'Content-Type', code: 'content_type', message: translate(language, 'open311.content_type') },
    ]);
  }
  if (/timeout exceeded when trying to connect/i.test(fastifyError.message)) {
    request.log.error({ err: error }, 'no database connection free in time');
    return new AppError('database_busy');
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return new AppError('validation_failed');
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('internal');
}

export function open311Errors(error: AppError, language: Language) {
  const code = errorCatalogue[error.code];
  const message = translate(language, `error.${error.code}`, error.params);
  if (error.details.length === 0) return [{ code, description: message }];
  return error.details.map((detail) => ({
    code,
    description: `${open311Field(detail.path)}: ${detail.message}`,
  }));
}

export function handleOpen311Error(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const language = open311Language(request, request.zone);
  const appError = toAppError(error, request, language);
  const status = errorCatalogue[appError.code];
  if (appError.code === 'rate_limited' && appError.params['seconds'] !== undefined) {
    void reply.header('retry-after', String(appError.params['seconds']));
  }
  return sendOpen311(reply, formatOfUrl(request.url), 'errors', open311Errors(appError, language), status);
}
