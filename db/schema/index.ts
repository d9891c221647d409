/**
 * The tables every module imports. Their types are SQLite's (db/schema/sqlite.ts); on PostgreSQL
 * (`DATABASE_URL=postgres://…`) the objects are the PostgreSQL tables of db/schema-pg, which have the
 * same names, columns and row types (db/schema-parity.test.ts keeps them so). Chosen once, when the
 * process starts: one process runs on one database.
 */
import { databaseDialect } from '../database-path';
import * as sqlite from './sqlite';
import * as pg from '../schema-pg';

export * from './sqlite';

const onPostgres = databaseDialect() === 'postgres';
const pick = <T>(sqliteTable: T, pgTable: unknown): T => (onPostgres ? (pgTable as T) : sqliteTable);

export const cycles = pick(sqlite.cycles, pg.cycles);
export const themes = pick(sqlite.themes, pg.themes);
export const items = pick(sqlite.items, pg.items);
export const itemModules = pick(sqlite.itemModules, pg.itemModules);
export const events = pick(sqlite.events, pg.events);
export const votes = pick(sqlite.votes, pg.votes);
export const decisions = pick(sqlite.decisions, pg.decisions);
export const meetingItemState = pick(sqlite.meetingItemState, pg.meetingItemState);
export const meetingSettings = pick(sqlite.meetingSettings, pg.meetingSettings);
export const outcomePublications = pick(sqlite.outcomePublications, pg.outcomePublications);
export const meetings = pick(sqlite.meetings, pg.meetings);
export const meetingAttendees = pick(sqlite.meetingAttendees, pg.meetingAttendees);
export const agendaItems = pick(sqlite.agendaItems, pg.agendaItems);
export const prereads = pick(sqlite.prereads, pg.prereads);
export const prereadUpdates = pick(sqlite.prereadUpdates, pg.prereadUpdates);
export const prereadReads = pick(sqlite.prereadReads, pg.prereadReads);
export const prereadReminders = pick(sqlite.prereadReminders, pg.prereadReminders);
export const comments = pick(sqlite.comments, pg.comments);
export const notifications = pick(sqlite.notifications, pg.notifications);
export const notificationPrefs = pick(sqlite.notificationPrefs, pg.notificationPrefs);
export const outbox = pick(sqlite.outbox, pg.outbox);
export const settings = pick(sqlite.settings, pg.settings);
export const departments = pick(sqlite.departments, pg.departments);
export const modules = pick(sqlite.modules, pg.modules);
export const users = pick(sqlite.users, pg.users);
export const loginAttempts = pick(sqlite.loginAttempts, pg.loginAttempts);
export const schedulePeriods = pick(sqlite.schedulePeriods, pg.schedulePeriods);
export const scheduleEntries = pick(sqlite.scheduleEntries, pg.scheduleEntries);
export const schedulePublications = pick(sqlite.schedulePublications, pg.schedulePublications);
export const scheduleFlags = pick(sqlite.scheduleFlags, pg.scheduleFlags);
export const changeRequests = pick(sqlite.changeRequests, pg.changeRequests);
export const emergencySessions = pick(sqlite.emergencySessions, pg.emergencySessions);
export const sessionInvitees = pick(sqlite.sessionInvitees, pg.sessionInvitees);
export const sessionResponses = pick(sqlite.sessionResponses, pg.sessionResponses);
export const userSessions = pick(sqlite.userSessions, pg.userSessions);
export const ssoConnections = pick(sqlite.ssoConnections, pg.ssoConnections);
export const ssoDomains = pick(sqlite.ssoDomains, pg.ssoDomains);
export const ssoGroupMappings = pick(sqlite.ssoGroupMappings, pg.ssoGroupMappings);
export const ssoIdentities = pick(sqlite.ssoIdentities, pg.ssoIdentities);
export const ssoRequests = pick(sqlite.ssoRequests, pg.ssoRequests);
export const samlSeenAssertions = pick(sqlite.samlSeenAssertions, pg.samlSeenAssertions);
export const signInTickets = pick(sqlite.signInTickets, pg.signInTickets);
export const scimGroups = pick(sqlite.scimGroups, pg.scimGroups);
export const scimGroupMembers = pick(sqlite.scimGroupMembers, pg.scimGroupMembers);
export const invitations = pick(sqlite.invitations, pg.invitations);
export const imports = pick(sqlite.imports, pg.imports);
export const importItems = pick(sqlite.importItems, pg.importItems);
export const importHeaderMappings = pick(sqlite.importHeaderMappings, pg.importHeaderMappings);
export const apiTokens = pick(sqlite.apiTokens, pg.apiTokens);
export const apiRateWindows = pick(sqlite.apiRateWindows, pg.apiRateWindows);
export const webhooks = pick(sqlite.webhooks, pg.webhooks);
export const webhookDeliveries = pick(sqlite.webhookDeliveries, pg.webhookDeliveries);
export const webhookAttempts = pick(sqlite.webhookAttempts, pg.webhookAttempts);
export const meetingPresence = pick(sqlite.meetingPresence, pg.meetingPresence);
export const leaderRankings = pick(sqlite.leaderRankings, pg.leaderRankings);
export const cutLineProposals = pick(sqlite.cutLineProposals, pg.cutLineProposals);
export const prereadStances = pick(sqlite.prereadStances, pg.prereadStances);
export const consentAgendaItems = pick(sqlite.consentAgendaItems, pg.consentAgendaItems);
export const undecidedItems = pick(sqlite.undecidedItems, pg.undecidedItems);
export const mapActivities = pick(sqlite.mapActivities, pg.mapActivities);
export const mapSteps = pick(sqlite.mapSteps, pg.mapSteps);
export const mapSlices = pick(sqlite.mapSlices, pg.mapSlices);
export const mapCards = pick(sqlite.mapCards, pg.mapCards);
export const scoringInputOwners = pick(sqlite.scoringInputOwners, pg.scoringInputOwners);
export const itemScoreInputs = pick(sqlite.itemScoreInputs, pg.itemScoreInputs);
export const itemMerges = pick(sqlite.itemMerges, pg.itemMerges);
export const itemCoPeople = pick(sqlite.itemCoPeople, pg.itemCoPeople);
export const deliveryRecords = pick(sqlite.deliveryRecords, pg.deliveryRecords);
export const demos = pick(sqlite.demos, pg.demos);
export const demoItems = pick(sqlite.demoItems, pg.demoItems);
export const demoInvitees = pick(sqlite.demoInvitees, pg.demoInvitees);
export const demoFeedback = pick(sqlite.demoFeedback, pg.demoFeedback);
export const roadmapLinks = pick(sqlite.roadmapLinks, pg.roadmapLinks);
