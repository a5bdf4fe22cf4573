import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** The latest value of an observable, re-rendering on each new one. */
export function useObservable<T>(source: Observable<T> | undefined, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    if (!source) return undefined;
    const sub = source.subscribe(setValue);
    return () => sub.unsubscribe();
  }, [source]);
  return value;
}
