"""fieldapp: offline-first field app for outreach teams, centre staff and supervisors."""

__version__ = "0.1.0"
