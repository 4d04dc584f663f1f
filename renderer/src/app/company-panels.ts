import type { ComponentType } from 'react';
import type { CompanyDetail } from '../../../shared/api/companies';

/** Panels features add to a company's home page (authorization, taxes due, licences, …), in order. */
export const companyPanels: ComponentType<{ company: CompanyDetail }>[] = [];
