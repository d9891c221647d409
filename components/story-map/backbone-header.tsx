'use client';
import { Button } from '@/components/ui/button';
import type { MapActivityView } from '@/lib/story-map/types';
import { AddByName, OrderButtons, RenameControl, smallButton } from './name-controls';
import type { Send } from './use-story-map';

/**
 * The backbone across the top of the grid: each activity over its steps (an activity without steps
 * keeps one empty column), with their controls for editors.
 */
export function BackboneHeader({
  activities,
  canEdit,
  send,
  confirmDelete,
}: {
  activities: MapActivityView[];
  canEdit: boolean;
  send: Send;
  confirmDelete: (message: string) => boolean;
}) {
  return (
    <>
      {activities.map((a, ai) => (
        <div
          key={a.id}
          className="rounded-md bg-indigo-100 p-2 dark:bg-indigo-950"
          style={{ gridColumn: `span ${Math.max(1, a.steps.length)}` }}
        >
          <h2 className="font-semibold break-words">{a.name}</h2>
          {canEdit && (
            <div className="mt-1 flex flex-wrap gap-1">
              <RenameControl
                label="Activity name"
                name={a.name}
                onSave={(name) => send({ action: 'rename-activity', activityId: a.id, name })}
              />
              <OrderButtons
                what={a.name}
                index={ai}
                count={activities.length}
                earlier="Left"
                later="Right"
                onMove={(toIndex) => void send({ action: 'move-activity', activityId: a.id, toIndex })}
              />
              <Button
                variant="ghost"
                className={smallButton}
                onClick={() =>
                  confirmDelete(`Delete the activity "${a.name}" and its steps? Their cards go to the tray.`) &&
                  void send({ action: 'delete-activity', activityId: a.id })
                }
              >
                Delete<span className="sr-only"> activity {a.name}</span>
              </Button>
              <AddByName
                label={`New step in ${a.name}`}
                button="Add step"
                onAdd={(name) => send({ action: 'add-step', activityId: a.id, name })}
              />
            </div>
          )}
        </div>
      ))}
      {activities.flatMap((a) =>
        a.steps.length === 0
          ? [
              <p key={`empty-${a.id}`} className="p-2 text-xs text-zinc-500 dark:text-zinc-400">
                No steps yet
              </p>,
            ]
          : a.steps.map((s, si) => (
              <div key={s.id} className="rounded-md bg-amber-50 p-2 text-sm dark:bg-amber-950/40">
                <h3 className="font-medium break-words">{s.name}</h3>
                {canEdit && (
                  <div className="mt-1 flex flex-wrap gap-1">
                    <RenameControl
                      label="Step name"
                      name={s.name}
                      onSave={(name) => send({ action: 'rename-step', stepId: s.id, name })}
                    />
                    <OrderButtons
                      what={s.name}
                      index={si}
                      count={a.steps.length}
                      earlier="Left"
                      later="Right"
                      onMove={(toIndex) => void send({ action: 'move-step', stepId: s.id, toIndex })}
                    />
                    <Button
                      variant="ghost"
                      className={smallButton}
                      onClick={() =>
                        confirmDelete(`Delete the step "${s.name}"? Its cards go to the tray.`) &&
                        void send({ action: 'delete-step', stepId: s.id })
                      }
                    >
                      Delete<span className="sr-only"> step {s.name}</span>
                    </Button>
                  </div>
                )}
              </div>
            )),
      )}
    </>
  );
}
