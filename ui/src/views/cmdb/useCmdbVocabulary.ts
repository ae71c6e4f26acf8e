import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ciClasses, relationTypes } from '../../api/cmdb';
import type { ClassDef } from '../../bindings/ClassDef';
import type { TypeDef } from '../../bindings/TypeDef';
import { queryKeys } from '../../state/queryKeys';

/** The CI classes and relationship types (shipped and defined), with name lookups. */
export function useCmdbVocabulary() {
  const classes = useQuery<ClassDef[]>({ queryKey: queryKeys.ciClasses, queryFn: ciClasses, staleTime: 60_000 });
  const types = useQuery<TypeDef[]>({ queryKey: queryKeys.relationTypes, queryFn: relationTypes, staleTime: 60_000 });
  return useMemo(() => {
    const classList = classes.data ?? [];
    const typeList = types.data ?? [];
    const classNames = new Map(classList.map((cls) => [cls.id, cls.name]));
    return {
      classes: classList,
      types: typeList,
      className: (id: string) => classNames.get(id) ?? id,
      classDef: (id: string) => classList.find((cls) => cls.id === id),
    };
  }, [classes.data, types.data]);
}
