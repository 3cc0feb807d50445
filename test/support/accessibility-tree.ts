// Reading the browser's accessibility tree, as a screen reader would meet the widgets.
import { a11ySnapshot, executeServerCommand, findAccessibilityNode } from '@web/test-runner-commands';

export type AxNode = { name?: string; role?: string; level?: number; checked?: boolean | string; focused?: boolean; value?: string; description?: string; children?: AxNode[] };

export async function axTree(): Promise<AxNode> {
  return (await a11ySnapshot({})) as unknown as AxNode;
}

/** The full accessibility tree under a selector (`pierce/…` reaches into shadow roots), nothing pruned. */
export async function axFullTree(selector: string): Promise<AxNode> {
  return (await executeServerCommand('a11y-tree', { selector })) as AxNode;
}

export async function axNode(predicate: (node: AxNode) => boolean): Promise<AxNode | null> {
  return findAccessibilityNode((await axTree()) as never, predicate as never) as AxNode | null;
}

/** Every node of an accessibility subtree, depth first. */
export function flatten(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(flatten)];
}
