/** The rules use the project's one time module: strict instants and the plans' month windows. */
export { addMonthsCst, parseInstant, toIso } from '../time';
