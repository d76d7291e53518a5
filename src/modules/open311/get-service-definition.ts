/**
 * GET services/{service_code}: the category's extra questions as Open311
 * attributes (same codes, types and options the web form asks). Categories
 * with the anti-profiling form get one more, optional and last:
 * `person_description`, which is the web form's description of the person.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { CategoryQuestion, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { findCategoryByCode } from '../categories/categories.repository.ts';
import { PERSON_DESCRIPTION_KEY } from '../signals/validate-answers.ts';
import type { Open311Object } from './open311-format.ts';
import { localized } from './resolve-jurisdiction.ts';

function datatypeDescription(question: CategoryQuestion, language: Language): string {
  switch (question.type) {
    case 'number':
    case 'datetime':
    case 'singlevaluelist':
      return translate(language, `open311.datatype.${question.type}`);
    case 'multivaluelist':
      return translate(language, 'open311.datatype.multivaluelist', { code: question.code });
    default:
      return '';
  }
}

export async function getServiceDefinition(
  context: AppContext,
  zone: Zone,
  language: Language,
  serviceCode: string,
): Promise<Open311Object> {
  const category = await findCategoryByCode(context.db, zone.id, serviceCode);
  if (!category || !category.active) throw new AppError('open311_service_unknown');
  const attributes: Open311Object[] = category.questions.map((question, index) => ({
    variable: true,
    code: question.code,
    datatype: question.type,
    required: question.required,
    datatype_description: datatypeDescription(question, language),
    order: index + 1,
    description: localized(question.label, language, zone),
    values: question.options.map((option) => ({
      key: option.key,
      name: localized(option.label, language, zone),
    })),
  }));
  if (category.asks_behaviour) {
    attributes.push({
      variable: true,
      code: PERSON_DESCRIPTION_KEY,
      datatype: 'text',
      required: false,
      datatype_description: '',
      order: attributes.length + 1,
      description: translate(language, 'open311.attribute.person_description'),
      values: [],
    });
  }
  return { service_code: category.code, attributes };
}
