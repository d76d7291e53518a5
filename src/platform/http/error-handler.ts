/**
 * Turns every failure into the one error shape:
 *   { error: { code, message, details? } }
 * with the message in the request's language. Unknown errors are logged and
 * answered as `internal` without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalogue, type ErrorCode, type ErrorDetail } from '../errors/error-catalogue.ts';
import { translate, type Language } from '../i18n/i18n.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

function validationDetails(
  language: Language,
  errors: AjvError[],
  context: string | undefined,
): ErrorDetail[] {
  return errors.map((error) => {
    const missing = error.keyword === 'required' ? String(error.params?.['missingProperty'] ?? '') : '';
    const path = `${context ?? 'body'}${error.instancePath ?? ''}${missing ? `/${missing}` : ''}`;
    const keyword = error.keyword ?? 'invalid';
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(error.params ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
      else if (Array.isArray(value)) params[key] = value.join(', ');
    }
    const message = translate(language, `validation.${keyword}`, params);
    return {
      path,
      code: keyword,
      message: message === `validation.${keyword}` ? translate(language, 'validation.invalid') : message,
    };
  });
}

export function errorBody(language: Language, error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: translate(language, `error.${error.code}`, error.params),
      ...(error.details.length > 0 ? { details: error.details } : {}),
    },
  };
}

export function handleError(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const language = request.language ?? 'en';
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else {
    const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fastifyError.validation) {
      appError = new AppError(
        'validation_failed',
        {},
        validationDetails(language, fastifyError.validation, fastifyError.validationContext),
      );
    } else if (
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ) {
      appError = new AppError('invalid_json');
    } else if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413) {
      appError = new AppError('payload_too_large');
    } else if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.statusCode === 415) {
      appError = new AppError('validation_failed', {}, [
        {
          path: 'headers/content-type',
          code: 'content_type',
          message: translate(language, 'validation.content_type'),
        },
      ]);
    } else if (/timeout exceeded when trying to connect/i.test(fastifyError.message)) {
      request.log.error({ err: error }, 'no database connection free in time');
      appError = new AppError('database_busy');
    } else if (
      fastifyError.statusCode !== undefined &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      appError = new AppError('validation_failed');
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('internal');
    }
  }
  const status = errorCatalogue[appError.code];
  if (appError.code === 'rate_limited' && appError.params['seconds'] !== undefined) {
    void reply.header('retry-after', String(appError.params['seconds']));
  }
  return reply.status(status).send(errorBody(language, appError));
}
