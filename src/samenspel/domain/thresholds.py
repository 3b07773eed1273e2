"""Every threshold the network analysis and the ecogram use, in one place.

Each constant says where it comes from. Some rest on a source (the seed
documents or SCP); others are *product choices*: reasonable first values that
must be calibrated against real MantelScan and burden data later. Changing a
value here changes the signals everywhere, so keep the comments honest.
"""

# --- Hours of care ---------------------------------------------------------

HOURS_IN_WEEK = 168.0
# Physical upper bound: hours above this are input errors and are clamped.

INTENSIVE_CARE_HOURS = 8.0
# Source: seed 000 inclusion criterion and the SCP definition of intensive
# mantelzorg: *more than* 8 hours per week. A carer is "intensive" when
# hours > INTENSIVE_CARE_HOURS (strictly above, as in the definition).

HEAVY_CARE_HOURS = 20.0
# Product choice. SCP reports that the share of overburdened carers rises
# steeply with the number of hours; 20 h/week is half a working week. Not yet
# calibrated against the burden instruments (EDIZ-plus, CSI): do that once
# scores and hours are recorded together. A carer is "heavy" at hours >= this.

# --- Dependence on one person ----------------------------------------------

MAIN_CARER_SHARE_DEPENDENT = 0.75
# Product choice: when one person gives three quarters or more of all informal
# hours, the circle falls over if that person drops out. The MantelScan asks
# for attention to "alles op één persoon"; the exact share is ours.

MIN_INFORMAL_HOURS_FOR_DEPENDENCY = 1.0
# Product choice: below one informal hour per week in total there is too little
# to depend on; no "depends_on_one" signal then.

# --- Size of the network ---------------------------------------------------

MIN_INFORMAL_MEMBERS_ROBUST = 3
# Product choice, after the MantelScan's attention to spreading care: with
# fewer than three carers/volunteers there is hardly anyone to share tasks or
# step in. Below this (but above zero) we show "small_network".

# --- Coverage of care domains ----------------------------------------------

MIN_MEMBERS_PER_DOMAIN = 2
# Product choice: a needed domain with fewer helpers than this has no backup
# ("domain_no_backup"); with zero helpers it is "domain_uncovered".

# --- Ecogram ----------------------------------------------------------------

ECOGRAM_LINE_CAP_HOURS = 40.0
# Presentation choice: a full working week. Lines do not get thicker above it,
# so one very large number cannot dominate the picture.

ECOGRAM_CROWDED_SPACING = 2.6
# Presentation choice: when nodes on a ring are closer than this many node
# radii (centre to centre), they alternate slightly inward and outward.

# --- Agreements and responsibility patterns ---------------------------------

PATTERN_LOW_SHARE = 1 / 3
PATTERN_HIGH_SHARE = 2 / 3
# Product choice, after seed 000 (Van Bochove et al.): a circle shows
# *professionele verantwoordelijkheid* when informal carers hold at most a
# third of the core tasks and of the decisions, *vrijwillige* when they hold at
# least two thirds of both, and *gedeelde* in between. Seed 000 describes the
# patterns, not cut-off points; these thirds are ours.

UNFILLED_HORIZON_DAYS = 14
# From the issue: an occurrence without anyone in the coming 14 days is a
# signal for the circle's coordinator and professional.

UNFILLED_URGENT_DAYS = 3
# Product choice: an empty slot within three days is urgent (high severity).

CHANGE_MEETING_DAYS = 14
# Product choice: after a change event, the afstemmingsmoment is proposed two
# weeks ahead; affected agreements get that date as their review date.

CALENDAR_HORIZON_DAYS = 120
# Product choice: occurrences are stored this far ahead (about four months),
# enough for the month view and a phone calendar; later ones follow.

# --- Carer burden (draagkracht en draaglast) --------------------------------

SCREENING_INTERVAL_MONTHS = 6
# Product choice: a main carer (hours > INTENSIVE_CARE_HOURS) without a full
# screening for this many months gets a "no screening" signal, and the
# reminder command invites carers at this interval. Seed 003 asks to repeat
# measurements to see the trend; the interval is ours. Overridable with the
# setting SAMENSPEL_SCREENING_INTERVAL_MONTHS.
