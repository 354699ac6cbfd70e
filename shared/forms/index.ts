export * from './types';
export { renderForm, escapeHtml, infoReportKindLabel } from './render';
export {
  formatOfficialDate,
  formatOfficialDateTime,
  formatClock,
  formatDocNumber,
  formatReportTime,
  shanghaiParts,
  BLANK_REPORT_TIME,
} from './format';
export { fontFaceCss, parseFontsourceCss, BODY_STACK, TITLE_STACK, BODY_FAMILY, TITLE_FAMILY } from './font-faces';
export { PAGINATE_SCRIPT } from './paginate';
export { FORM_CATALOGUE } from './catalogue';
export type { FormCatalogueEntry } from './catalogue';
export { sampleForms } from './samples';
export type { FormSample } from './samples';
