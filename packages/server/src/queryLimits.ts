import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export interface QueryLimits {
  /** Deepest field nesting an operation may have (the top-level field is depth 1). */
  maxDepth: number;
  /** Largest estimated cost: one per field, children of a list field counted `listFactor` times. */
  maxCost: number;
  /** How many items a list field is assumed to return. */
  listFactor: number;
}

export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({ maxDepth: 10, maxCost: 5000, listFactor: 10 });

/**
 * A validation rule refusing operations deeper than `maxDepth` (QUERY_TOO_DEEP) or costlier than `maxCost`
 * (QUERY_TOO_COSTLY) before anything executes. Introspection (`__schema`, `__type`) is exempt so GraphiQL
 * works; fragments are followed (and a fragment cycle stops the walk; graphql's own rule reports it).
 */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const root = operation.operation === "mutation" ? context.getSchema().getMutationType() : operation.operation === "subscription" ? context.getSchema().getSubscriptionType() : context.getSchema().getQueryType();
      if (!root) return;
      const { depth, cost } = measure(context, operation.selectionSet, root, 1, new Set(), limits);
      const name = operation.name ? `Operation "${operation.name.value}"` : "The operation";
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`${name} is nested ${depth} levels deep; the limit is ${limits.maxDepth}. Ask for fewer nested fields.`, { nodes: [operation], extensions: { code: "QUERY_TOO_DEEP", depth, maxDepth: limits.maxDepth } }));
      } else if (cost > limits.maxCost) {
        context.reportError(new GraphQLError(`${name} would cost about ${cost} (one per field, list fields times ${limits.listFactor}); the limit is ${limits.maxCost}. Split it or ask for fewer fields.`, { nodes: [operation], extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost: limits.maxCost } }));
      }
    },
  });
}

function measure(context: ValidationContext, selectionSet: SelectionSetNode, parent: GraphQLOutputType, depth: number, fragments: Set<string>, limits: QueryLimits): { depth: number; cost: number } {
  let maxDepth = depth;
  let cost = 0;
  const parentType = getNamedType(parent);
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === "__schema" || name === "__type" || name === "__typename") continue;
      const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
      cost += 1;
      if (!selection.selectionSet || !field) continue;
      const child = measure(context, selection.selectionSet, field.type, depth + 1, fragments, limits);
      maxDepth = Math.max(maxDepth, child.depth);
      cost += child.cost * (isListType(getNullableType(field.type)) ? limits.listFactor : 1);
    } else {
      let inner: SelectionSetNode | undefined;
      if (selection.kind === Kind.INLINE_FRAGMENT) inner = selection.selectionSet;
      else if (!fragments.has(selection.name.value)) inner = context.getFragment(selection.name.value)?.selectionSet;
      if (!inner) continue;
      const nextFragments = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...fragments, selection.name.value]) : fragments;
      const typeCondition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : context.getFragment(selection.name.value)?.typeCondition;
      const innerType = typeCondition ? (context.getSchema().getType(typeCondition.name.value) as GraphQLOutputType | undefined) ?? parent : parent;
      const child = measure(context, inner, innerType, depth, nextFragments, limits);
      maxDepth = Math.max(maxDepth, child.depth);
      cost += child.cost;
    }
  }
  return { depth: maxDepth, cost };
}
