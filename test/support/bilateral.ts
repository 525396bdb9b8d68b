// The filter lives with the evaluation that also uses it; tests import it from here.
export { bilateralSmooth, type Box } from "../../packages/cli/src/eval/bilateralSmooth.js";
