/** The ticket sale form's values and its blank visitor row; validated by the contract's own schema. */
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { operations, type IdType } from '@shared/contract';

// Type aliases rather than interfaces: the zod resolver wants values indexable by field name.
export type VisitorValues = {
  name: string;
  idType: IdType;
  idNumber: string;
};

export type SaleValues = {
  productId: string;
  visitDate: string;
  slotId: string;
  visitors: VisitorValues[];
};

export function blankVisitor(): VisitorValues {
  return { name: '', idType: 'id_card', idNumber: '' };
}

export function useSaleForm(productId: string, visitDate: string) {
  return useForm<SaleValues>({
    initialValues: { productId, visitDate, slotId: '', visitors: [blankVisitor()] },
    validate: zod4Resolver(operations['tickets.sell'].input),
  });
}
