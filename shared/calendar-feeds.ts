// Calendar feeds as the API sends them: a member's secret addresses for calendar apps to subscribe to.

/** One of my calendar feeds. Its address is shown once, when it is made: the server keeps only a hash of its secret. */
export interface CalendarFeed {
  id: string;
  createdAt: string;
}

/** What making a feed answers: the feed, and the address to give a calendar app. */
export interface NewCalendarFeed {
  feed: CalendarFeed;
  url: string;
}

/** How many feeds a member may hold at once. */
export const maxCalendarFeeds = 5;
