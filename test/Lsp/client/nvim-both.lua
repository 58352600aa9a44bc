-- Headless Neovim (Debian's 0.7, hence start_client) with clangd and
-- clang-escape-lsp attached to one buffer: both servers' diagnostics arrive
-- in vim.diagnostic, with Neovim's own UTF-16 to byte conversion.
--   ESCAPE_FILE=f.cpp ESCAPE_LSP=... ESCAPE_CLANGD=... nvim --headless --clean -c 'luafile nvim-both.lua'
local file = vim.env.ESCAPE_FILE
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local root = vim.fn.fnamemodify(file, ':h')
for _, server in ipairs({
  { name = 'clangd', cmd = { vim.env.ESCAPE_CLANGD, '--log=error' } },
  { name = 'clang-escape', cmd = { vim.env.ESCAPE_LSP, '--quiet' } },
}) do
  local id = vim.lsp.start_client({ name = server.name, cmd = server.cmd,
                                    root_dir = root })
  vim.lsp.buf_attach_client(buf, id)
end

local function sources()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    seen[d.source or ''] = true
  end
  return seen
end
local ok = vim.wait(120000, function()
  local seen = sources()
  return seen['clang-escape'] and seen['clang']
end, 100)

local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(lines, string.format('%s %d:%d [%s] %s', d.source or '?',
                                    d.lnum + 1, d.col + 1, tostring(code),
                                    d.message))
end
table.sort(lines)
io.stdout:write(table.concat(lines, '\n') .. '\n')
io.stdout:write(ok and 'both servers reported\n' or 'timed out\n')
for _, client in ipairs(vim.lsp.get_active_clients()) do
  client.stop()
end
vim.cmd(ok and 'qall!' or 'cquit!')
