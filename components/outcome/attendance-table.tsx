import type { AttendanceDepartment } from '@/lib/outcome/types';
import { EmptyState } from '@/components/ui/empty-state';
import * as s from './table-styles';
import { ScrollBox } from '@/components/ui/scroll-box';

/** Who attended, by department, and whether each cast a vote: no department should dominate. */
export function AttendanceTable({ attendance }: { attendance: AttendanceDepartment[] }) {
  return (
    <section aria-labelledby="attendance-heading" className={s.section}>
      <h2 id="attendance-heading" className="text-lg font-semibold">
        Attendance
      </h2>
      {attendance.length === 0 ? (
        <EmptyState title="No attendees were recorded for this meeting" />
      ) : (
        <ScrollBox label="Attendance" className={s.tableWrap}>
          <table className={s.table}>
            <caption className={s.caption}>Attendees by department, and whether they voted</caption>
            <thead>
              <tr>
                <th scope="col" className={s.th}>
                  Department
                </th>
                <th scope="col" className={s.th}>
                  Attendee
                </th>
                <th scope="col" className={s.th}>
                  Role
                </th>
                <th scope="col" className={s.th}>
                  Voted
                </th>
              </tr>
            </thead>
            {attendance.map((dept) => (
              <tbody key={dept.departmentName}>
                {dept.attendees.map((a, i) => (
                  <tr key={`${a.name}-${i}`}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={dept.attendees.length} className={`${s.td} text-left font-medium`}>
                        {dept.departmentName}
                        <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">
                          {dept.voted} of {dept.attendees.length} voted
                        </span>
                      </th>
                    )}
                    <td className={s.td}>{a.name}</td>
                    <td className={s.td}>{a.role === 'voter' ? 'Voter' : 'Observer'}</td>
                    <td className={s.td}>{a.voted ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
