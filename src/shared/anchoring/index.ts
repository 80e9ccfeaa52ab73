// Public face of the anchoring module: describe a highlighted range once, find it again in later text.
export {
  CONTEXT_LENGTH,
  describeRange,
  type Selectors,
  type TextPositionSelector,
  type TextQuoteSelector
} from './selectors'
export {
  anchor,
  anchorAll,
  MAX_FUZZY_ERRORS,
  MIN_FUZZY_CONTEXT_SIMILARITY,
  MIN_FUZZY_QUOTE_LENGTH,
  MIN_PASSAGE_SIMILARITY,
  MIN_QUOTE_SIMILARITY,
  POSITION_WEIGHT,
  PREFIX_WEIGHT,
  QUOTE_WEIGHT,
  SELF_EVIDENT_QUOTE_LENGTH,
  SUFFIX_WEIGHT,
  type AnchorMethod,
  type AnchorResult
} from './anchor'
