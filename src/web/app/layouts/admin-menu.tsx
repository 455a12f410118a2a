import { Button, Menu } from "@mantine/core";
import { Link } from "react-router";
import type { Me } from "../../../shared/schemas/accounts";

/** The header's Admin menu: one entry per admin page the user's abilities open. */
export function AdminMenu({ me }: { me: Me }) {
  const { manageUsers, readMail, readAudit, createCommunitySessions, manageSettings } = me.abilities;
  const { isAdmin } = me;
  if (!isAdmin && !manageUsers && !readMail && !readAudit && !createCommunitySessions && !manageSettings) return null;
  return (
    <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="subtle" color="dark" size="compact-md" fw={500} rightSection={<span aria-hidden>▾</span>}>
          Admin
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {createCommunitySessions && (
          <Menu.Item component={Link} to="/admin/sessions">
            Sessions
          </Menu.Item>
        )}
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/events">
            Events
          </Menu.Item>
        )}
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/rooms">
            Rooms
          </Menu.Item>
        )}
        {manageUsers && (
          <Menu.Item component={Link} to="/admin/users">
            Users
          </Menu.Item>
        )}
        {readMail && (
          <Menu.Item component={Link} to="/admin/mail">
            Mail
          </Menu.Item>
        )}
        {readAudit && (
          <Menu.Item component={Link} to="/admin/audit">
            Audit log
          </Menu.Item>
        )}
        {manageSettings && (
          <Menu.Item component={Link} to="/admin/settings">
            Settings
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
