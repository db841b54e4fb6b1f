/* /admin/staff/ (staff.manage): every staff account with its role, changed in place or taken out of the staff, and
 * invitations. All of them are dangerous actions: the code may be asked again (Agora.dangerous). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var body = document.getElementById('staff-body');
  var invite = document.getElementById('invite-form');
  var me = null;

  function load() {
    Agora.api('GET', '/admin/staff').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The staff could not be loaded.', 'error');
      body.textContent = '';
      result.data.staff.forEach(function (member) {
        var row = document.createElement('tr');
        var name = member.first_name + ' ' + member.last_name;
        cell(row, name);
        cell(row, member.email);
        var roleCell = cell(row, '');
        var actions = cell(row, '');
        if (member.user_id === me) {
          roleCell.textContent = member.role + ' (you)';
        } else {
          var select = document.createElement('select');
          select.setAttribute('aria-label', 'Role of ' + name);
          select.appendChild(document.getElementById('role-options').content.cloneNode(true));
          select.value = member.role;
          select.addEventListener('change', function () { changeRole(member, select); });
          roleCell.appendChild(select);
          var remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'link-button';
          remove.textContent = 'Remove';
          remove.setAttribute('aria-label', 'Remove ' + name + ' from the staff');
          remove.addEventListener('click', function () { removeMember(member, name); });
          actions.appendChild(remove);
        }
        body.appendChild(row);
      });
    });
  }

  function changeRole(member, select) {
    Agora.dangerous(function () {
      return Agora.api('PUT', '/admin/staff/' + member.user_id + '/role', { body: { role: select.value } });
    }).then(function (result) {
      if (result.ok) {
        forms.showAlert(member.first_name + ' is now ' + result.data.role + '.', 'success');
      } else {
        forms.showAlert((result.data && result.data.detail) || 'The role did not change.', 'error');
      }
      load();
    });
  }

  function removeMember(member, name) {
    if (!window.confirm('Take ' + name + ' out of the staff? Their sessions end at once.')) return;
    Agora.dangerous(function () { return Agora.api('DELETE', '/admin/staff/' + member.user_id); }).then(function (result) {
      if (result.ok) forms.showAlert(name + ' is no longer staff.', 'success');
      else forms.showAlert((result.data && result.data.detail) || 'Nothing changed.', 'error');
      load();
    });
  }

  invite.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(invite);
    var values = forms.values(invite);
    forms.busy(invite, true);
    Agora.dangerous(function () { return Agora.api('POST', '/admin/staff/invitations', { body: values }); }).then(function (result) {
      forms.busy(invite, false);
      if (!result.ok) return forms.showProblem(invite, result);
      invite.reset();
      forms.showAlert('Invitation sent to ' + result.data.email + '.', 'success');
      load();
    });
  });

  Agora.admin.start('staff').then(function () {
    me = Agora.auth.user().id;
    load();
  });
})();
