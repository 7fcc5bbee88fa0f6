import './explore.css';

/** Skeleton of the explorer while the first view is computed. */
export default function ExploreLoading() {
  return (
    <div className="explore-skeleton" aria-busy="true">
      <div className="skeleton-header" />
      <main className="page explore-page">
        <p className="visually-hidden" role="status">
          Loading… / Laden…
        </p>
        <div className="skeleton-line skeleton-title" />
        <div className="skeleton-line skeleton-lead" />
        <div className="skeleton-tabs">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="skeleton-tab" />
          ))}
        </div>
        <div className="explore-layout">
          <div className="skeleton-block skeleton-aside" />
          <div className="explore-results">
            <div className="skeleton-block skeleton-headline" />
            <div className="skeleton-block skeleton-chart" />
            <div className="skeleton-block skeleton-chart" />
          </div>
        </div>
      </main>
    </div>
  );
}
