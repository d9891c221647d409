import { RequestForm } from '@/app/requests/new/request-form';
import { resubmitRequestAction } from '@/app/requests/actions';
import { pickerOptions } from '@/lib/users/directory.server';

type Waiting = {
  id: number;
  version: number;
  infoRequest: string | null;
  title: string;
  description: string;
  businessBenefit: string;
  sponsorSuggestion: string;
  departmentId: number;
};

/** Triage's question, and the request to edit and resubmit (for its requestor, or a pm). */
export async function InfoRequest({ item, canAnswer }: { item: Waiting; canAnswer: boolean }) {
  const { departments } = await pickerOptions({ departmentIds: [item.departmentId] });
  return (
    <section
      aria-labelledby="info-request"
      className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3 dark:border-amber-900 dark:bg-amber-950/40"
    >
      <h2 id="info-request" className="text-sm font-semibold">
        More information needed
      </h2>
      <p className="whitespace-pre-line text-sm wrap-anywhere">{item.infoRequest}</p>
      {canAnswer && (
        <>
          <p className="text-sm">Edit your request to answer, then resubmit it: it goes back to triage.</p>
          <RequestForm
            departments={departments}
            defaultDepartmentId={item.departmentId}
            action={resubmitRequestAction}
            hidden={{ itemId: item.id, version: item.version }}
            initial={{
              title: item.title,
              description: item.description,
              businessBenefit: item.businessBenefit,
              sponsorSuggestion: item.sponsorSuggestion,
            }}
            submitLabel="Resubmit request"
          />
        </>
      )}
    </section>
  );
}
