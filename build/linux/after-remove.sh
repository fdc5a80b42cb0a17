#!/bin/bash
# Pickup Kiosk deb post-remove: undoes after-install.sh. On upgrade the new package's after-install.sh runs
# right after, so everything is put back. The kiosk user's data folder (encrypted credentials, journal)
# is left alone: removing the app must never lose the record of what the machine dispensed.
set -u

if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}' || true
else
  rm -f '/usr/bin/${executable}'
fi

if command -v systemctl >/dev/null 2>&1; then
  systemctl --global disable pickup-kiosk.service || true
fi
rm -f /usr/lib/systemd/user/pickup-kiosk.service
rm -rf /etc/systemd/user/pickup-kiosk.service.d

rm -f /etc/udev/rules.d/99-pickup-kiosk.rules
if command -v udevadm >/dev/null 2>&1; then udevadm control --reload-rules || true; fi

if [ -f '/etc/apparmor.d/${executable}' ]; then
  if apparmor_status --enabled >/dev/null 2>&1 && ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
    apparmor_parser --remove '/etc/apparmor.d/${executable}' || true
  fi
  rm -f '/etc/apparmor.d/${executable}'
fi
exit 0
