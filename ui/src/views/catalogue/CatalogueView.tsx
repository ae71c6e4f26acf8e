export function CatalogueView({ tab }: { tab: string }) {
  return <div className="view">{tab}</div>;
}
